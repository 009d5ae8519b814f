import { localWallClock } from '../../shared/kernel/deadlines';
import type { ServiceCtx } from '../host/context';
import type { SiteInfo } from '../pdf/parts';

/** The site as every printed form's header shows it (name, form header, hotline, address, logo), from the settings. */
export function formSite(ctx: ServiceCtx): SiteInfo {
  const s = ctx.settings();
  return { siteName: s.siteName, formHeader: s.formHeader, hotline: s.hotline, address: s.siteAddress, logoDataUrl: s.logoDataUrl };
}

/** "YYYY-MM-DD HH:mm" of now on the site's wall clock (Beijing time), for a form's "printed at". */
export const sitePrintedAt = (ctx: ServiceCtx): string => localWallClock(ctx.clock.now()).replace('T', ' ').slice(0, 16);
