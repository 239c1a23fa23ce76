/**
 * The identity module's API for other modules: read-only look-ups of users and memberships,
 * usable inside the caller's transaction. Other modules import this file, never the repository,
 * so the identity tables stay this module's own; access checks are the caller's use case's.
 */
export {
  accountsOfPerson,
  findUserByEmail,
  findUserById,
  findUsersByIdsOrEmails,
  listUsersUnder,
  membershipsOf,
  membershipsOfUsers,
  usersWithRole,
  usersWithRoleIn,
} from './identity.repository.ts';
