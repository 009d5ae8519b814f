import app from './app';
import master from './master';
import slips from './slips';
import occupancyReport from './occupancy-report';
import dashboard from './dashboard';
import repairs from './repairs';
import callbacks from './callbacks';
import decoration from './decoration';
import moveIn from './move-in';
import moveInLists from './move-in-lists';
import moveInUi from './move-in-ui';
import moveInForms from './move-in-forms';
import moveInPrint from './move-in-print';

/**
 * 简体中文界面文字。键与 en/ 逐个文件完全一致（test/unit/i18n.test.ts 检查），占位符写作 {{name}}。
 * 用语以物业服务中心前台的日常说法为准：房屋、住户、业主、租户、入伙、作废……
 */
const zhCN = { ...app, ...master, ...slips, ...occupancyReport, ...dashboard, ...repairs, ...callbacks, ...decoration, ...moveIn, ...moveInLists, ...moveInUi, ...moveInForms, ...moveInPrint };

export default zhCN;
