/** 简体中文：Today 页上项目经理的看板（各业务提供的卡片）。 */
const dashboard = {
  dashboard: {
    title: '项目看板',
    openList: '打开列表：{{title}}',
    vsPrevious: '较 {{period}} {{change}}',
    noChange: '较 {{period}} 无变化',
    noFigure: '无数据',
    empty: '还没有房屋：录入或导入楼栋和房屋后，看板即显示数据。',
    byState: {
      title: '当前房屋状态',
      change: '较 {{date}} 的变化',
    },
    rateTrend: {
      title: '近 12 个月入住率',
      note: '各月月末；本月为截至今天',
      // i18next 按 count 选 missing_one / _other（中文只有一种形式）；不带后缀的为后备。
      missing: '有 {{count}} 个月尚无留存数据',
      missing_one: '有 {{count}} 个月尚无留存数据',
      missing_other: '有 {{count}} 个月尚无留存数据',
      rate: '入住率',
    },
    report: {
      title: '上月物业动态信息表',
      final: '{{month}} 已定稿：{{number}}',
      finalChanged: '{{month}} 已定稿：{{number}}；此后有 {{count}} 户变动',
      due: '{{month}} 应于 {{date}} 前定稿',
      overdue: '{{month}} 已逾期（应于 {{date}} 前定稿）',
      draft: '{{month}} 尚未定稿',
    },
    slipsExited: {
      title: '今日放行出门',
    },
    slipsWaiting: {
      title: '待办放行条',
    },
    callbackRate: {
      today: '今日回访率',
      week: '本周回访率',
      month: '本月回访率',
      note: '应回访 {{due}} 次，按时完成 {{onTime}} 次（目标 100%）',
      lastMonth: '较上月',
      lastMonthFrozen: '较上月（已月结）',
    },
    repairsOpen: {
      title: '报修',
      open: '未完成',
      notPickedUp: '未领单',
      overdue: '超时未领单',
      callbacksOverdue: '回访逾期',
    },
    decorationApprovals: { title: '装修审批', waiting: '待审批', near: '临近期限', late: '已超期' },
    depositsHeld: { title: '在押装修押金', note: '共 {{count}} 笔' },
    decorationRefunds: { title: '装修押金退还', due: '本周到期', overdue: '逾期未退' },
    backup: {
      title: '最近备份',
      never: '尚无备份',
      justNow: '不到 1 小时前',
      hoursAgo: '{{count}} 小时前',
      hoursAgo_one: '{{count}} 小时前',
      hoursAgo_other: '{{count}} 小时前',
      daysAgo: '{{count}} 天前',
      daysAgo_one: '{{count}} 天前',
      daysAgo_other: '{{count}} 天前',
    },
    integrity: {
      title: '数据完整性检查',
      ok: '通过',
      failed: '未通过：请从备份恢复',
      running: '正在检查数据文件…',
      never: '本次启动后尚未检查',
    },
  },
};

export default dashboard;
