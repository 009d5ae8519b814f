import type { masterContract } from '../../../shared/master/contract';
import type { Handlers } from '../../host/handler';
import type { ImportJobs } from './import/jobs';
import * as repo from './repo';
import * as md from './service';

export type MasterChannel = keyof typeof masterContract;

/** Buildings, units, people, links, occupancy and the roster import: each channel to its service call. */
export function masterHandlers(jobs: ImportJobs): Handlers<MasterChannel> {
  return {
    'buildings.list': (ctx, input) => repo.listBuildings(ctx.db, input.includeVoided),
    'buildings.create': (ctx, input) => md.createBuilding(ctx, input),
    'buildings.update': (ctx, input) => md.updateBuilding(ctx, input),
    'buildings.void': (ctx, input) => md.voidBuilding(ctx, input),
    'units.list': (ctx, input) => ({ ...repo.listUnits(ctx.db, ctx.today(), input), offset: input.offset }),
    'units.get': (ctx, input) => md.getUnit(ctx, input.id),
    'units.create': (ctx, input) => md.createUnit(ctx, input),
    'units.update': (ctx, input) => md.updateUnit(ctx, input),
    'units.void': (ctx, input) => md.voidUnit(ctx, input),
    'units.setOccupancy': (ctx, input) => md.setOccupancy(ctx, input),
    'occupancy.onDate': (ctx, input) => md.occupancyOnDate(ctx, input),
    'people.list': (ctx, input) => md.listPeople(ctx, input),
    'people.get': (ctx, input) => md.getPerson(ctx, input.id),
    'people.create': (ctx, input) => md.createPerson(ctx, input),
    'people.update': (ctx, input) => md.updatePerson(ctx, input),
    'people.reveal': (ctx, input) => md.revealPerson(ctx, input),
    'links.create': (ctx, input) => md.createLink(ctx, input),
    'links.end': (ctx, input) => md.endLink(ctx, input),
    'links.void': (ctx, input) => md.voidLink(ctx, input),
    'import.preview': (ctx, input) => jobs.preview(ctx, input.fileName, Buffer.from(input.contentBase64, 'base64')),
    'import.commit': (ctx, input) => jobs.commit(ctx, input.jobId, input.onlyValid),
    'import.progress': (ctx, input) => jobs.progress(ctx, input.jobId),
  };
}
