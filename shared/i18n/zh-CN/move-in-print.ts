/** 入伙的打印：房屋交接汇总表（横向 A4）从交接汇总表页面打印。 */
const moveInPrint = {
  moveinPrint: {
    register: {
      button: '打印汇总表',
      title: '打印房屋交接汇总表',
      rendering: '正在生成 {{formatted}} 套房屋的汇总表……',
      ready: '共 {{formatted}} 套房屋，A4 横向。',
      again: '重新生成',
    },
  },
};

export default moveInPrint;
