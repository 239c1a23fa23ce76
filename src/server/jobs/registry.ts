/** Every job kind and its handler; modules add theirs here. */
import type { Deps } from '../deps.ts';
import { createEmailSender } from '../mail/sender.ts';
import { SEND_EMAIL_JOB } from '../mail/outbox.ts';
import type { JobRunner } from './runner.ts';
import { registerRequestJobs } from '../modules/requests/request-jobs.ts';
import { anonymizeRequestsTask } from '../modules/requests/request-privacy.ts';
import { expiredSessionsTask, passwordResetsTask } from '../modules/identity/identity.service.ts';
import { finishedJobsTask, registerHousekeeping } from './housekeeping.ts';
import { auditRetentionTask } from '../modules/audit/audit.service.ts';

export function registerJobs(runner: JobRunner, deps: Deps): void {
  runner.registerBatch(SEND_EMAIL_JOB, createEmailSender(deps.db, deps.config, deps.log));
  registerRequestJobs(runner, deps);
  registerHousekeeping(runner, deps, [
    finishedJobsTask,
    expiredSessionsTask,
    passwordResetsTask,
    anonymizeRequestsTask,
    auditRetentionTask,
  ]);
}
