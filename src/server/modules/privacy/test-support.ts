/** Shared by the privacy module's tests. */
import { fixedClock, login, useTestApp, type Client, type TestApp } from '../../../../tests/helpers/app.ts';
import { createOrganization, createUser, createWorld, TEST_PASSWORD, type TestWorld } from '../../../../tests/helpers/factories.ts';

/** An app at a fixed `now` with a world, its head and consultant signed in, and a topic of the school's desk. */
export async function privacyTestApp(now: Date) {
  const t = await useTestApp({ clock: fixedClock(now.toISOString()) });
  const world = await createWorld(t.db.db);
  const head = await login(t.app, world.users.head.email, TEST_PASSWORD);
  const consultant = await login(t.app, world.users.consultant.email, TEST_PASSWORD);
  const tree = (await consultant.get(`/api/organizations/${world.school.id}/request-categories`)).json() as Array<{
    children: Array<{ id: string }>;
  }>;
  return { t, world, head, consultant, categoryId: tree[0]!.children[0]!.id };
}

/**
 * Who may handle a school's personal data — its head and admin, and the admin of its municipality
 * (200) — and who may not: the school's consultant, staff, parent, the support service's operator
 * and the head of a neighbouring school (403). Each signed in; `head` and `consultant` are reused.
 */
export async function personalDataRoles(
  t: TestApp,
  world: TestWorld,
  head: Client,
  consultant: Client,
): Promise<Array<[client: Client, status: number]>> {
  const schoolB = await createOrganization(t.db.db, 'school', world.municipality);
  const signIn = (email: string) => login(t.app, email, TEST_PASSWORD);
  return [
    [head, 200],
    [await signIn(world.users.admin.email), 200],
    [await signIn((await createUser(t.db.db, world.municipality, 'admin')).email), 200],
    [consultant, 403],
    [await signIn(world.users.staff.email), 403],
    [await signIn(world.users.parent.email), 403],
    [await signIn(world.users.operator.email), 403],
    [await signIn((await createUser(t.db.db, schoolB, 'head')).email), 403],
  ];
}
