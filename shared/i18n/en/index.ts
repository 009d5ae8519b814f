import type { Messages } from '../index';
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
 * English UI text. Exactly the keys of zh-CN/, file by file (the types and test/unit/i18n.test.ts check it),
 * placeholders written {{name}}.
 */
const en: Messages = { ...app, ...master, ...slips, ...occupancyReport, ...dashboard, ...repairs, ...callbacks, ...decoration, ...moveIn, ...moveInLists, ...moveInUi, ...moveInForms, ...moveInPrint };

export default en;
