import type { Messages } from '../index';

/** English: the manager's dashboard on Today (the tiles each workflow contributes). */
const dashboard = {
  dashboard: {
    title: 'Site dashboard',
    openList: 'Open the list: {{title}}',
    vsPrevious: '{{change}} since {{period}}',
    noChange: 'no change since {{period}}',
    noFigure: 'No figure',
    empty: 'No units yet: the dashboard fills in once buildings and units are entered or imported.',
    byState: {
      title: 'Units by state now',
      change: 'Change since {{date}}',
    },
    rateTrend: {
      title: 'Occupancy rate, last 12 months',
      note: 'At each month end; this month as of today',
      // i18next picks missing_one / _other by the count; the bare key is the fallback.
      missing: '{{count}} months have no figure kept yet',
      missing_one: '{{count}} month has no figure kept yet',
      missing_other: '{{count}} months have no figure kept yet',
      rate: 'Occupancy rate',
    },
    report: {
      title: 'Last month’s occupancy report',
      final: '{{month}} finalised as {{number}}',
      finalChanged: '{{month}} finalised as {{number}}; {{count}} units changed since',
      due: '{{month}} is due by {{date}}',
      overdue: '{{month}} is overdue (due {{date}})',
      draft: '{{month}} is not finalised yet',
    },
    slipsExited: {
      title: 'Out through the gate today',
    },
    slipsWaiting: {
      title: 'Release slips waiting',
    },
    callbackRate: {
      today: 'Callback rate today',
      week: 'Callback rate this week',
      month: 'Callback rate this month',
      note: '{{onTime}} of {{due}} callbacks due were done on time (target 100%)',
      lastMonth: 'vs last month',
      lastMonthFrozen: 'vs last month (closed)',
    },
    repairsOpen: {
      title: 'Repairs',
      open: 'Open',
      notPickedUp: 'Not picked up',
      overdue: 'Overdue for pick-up',
      callbacksOverdue: 'Callbacks overdue',
    },
    decorationApprovals: { title: 'Decoration approvals', waiting: 'Awaiting', near: 'Near the deadline', late: 'Past the deadline' },
    depositsHeld: { title: 'Decoration deposits held', note: '{{count}} deposits' },
    decorationRefunds: { title: 'Deposit refunds', due: 'Due this week', overdue: 'Overdue' },
    backup: {
      title: 'Last backup',
      never: 'No backup yet',
      justNow: 'Less than an hour ago',
      hoursAgo: '{{count}} hours ago',
      hoursAgo_one: '{{count}} hour ago',
      hoursAgo_other: '{{count}} hours ago',
      daysAgo: '{{count}} days ago',
      daysAgo_one: '{{count}} day ago',
      daysAgo_other: '{{count}} days ago',
    },
    integrity: {
      title: 'Integrity check',
      ok: 'Passed',
      failed: 'Failed: restore a backup',
      running: 'Checking the data file…',
      never: 'Not checked since FrontDesk started',
    },
  },
} satisfies Pick<Messages, 'dashboard'>;

export default dashboard;
