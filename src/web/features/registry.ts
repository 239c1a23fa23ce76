/**
 * The feature registry: how a section of the workspace (requests, calendar, reports, …) plugs into
 * the shell without editing it.
 *
 * HOW TO REGISTER A FEATURE
 * 1. Create `src/web/features/<name>/feature.tsx` (the file name matters: every
 *    `src/web/features/*\/feature.tsx` is imported automatically by `features/index.ts`).
 * 2. In it, call `registerFeature` once:
 *
 *      import { lazy } from 'react';
 *      import { registerFeature } from '../registry.ts';
 *
 *      const RequestsPage = lazy(() => import('./RequestsPage.tsx'));   // default export
 *
 *      registerFeature({
 *        section: 'requests',                 // a NavSection from src/domain/permissions.ts
 *        path: 'requests',                    // URL under the workspace: /requests, /requests/…
 *        labelKey: 'web.nav.requests',        // menu label from the catalogue
 *        descriptionKey: 'web.section.requests', // optional: card text on the home page
 *        element: <RequestsPage />,
 *      });
 *
 * 3. Put the texts into an area file of src/shared/i18n/messages (Russian) and its twin in
 *    messages/en/ (English); an area the web app shows is listed in shared/i18n/web-ru.ts and web-en.ts.
 *
 * The menu shows a feature only when `section` is in the `navigation` list of /api/me for the
 * current role; the route itself answers "no access" for other roles. The route is mounted as
 * `/<path>/*`, so the page may declare nested <Routes> for its sub-pages (`/requests/:id`).
 * Pages that need no sign-in (public status page, schedule poster) use `registerPublicPage`.
 */
import type { ReactNode } from 'react';
import type { NavSection } from '../../domain/permissions.ts';
import type { MessageKey } from '../i18n/locale.tsx';

export interface WorkspaceFeature {
  /** The navigation section from /api/me that grants access. */
  section: NavSection;
  /** Path under the workspace without slashes around it, e.g. 'requests'. */
  path: string;
  labelKey: MessageKey;
  /** One sentence shown on the home page card. */
  descriptionKey?: MessageKey;
  element: ReactNode;
}

export interface PublicPage {
  /** Absolute path, e.g. '/status/:number'. Rendered without the workspace shell and without sign-in. */
  path: string;
  element: ReactNode;
}

/** A block a feature shows on the home page, above the section cards (e.g. a warning). */
export interface HomeWidget {
  id: string;
  /** Shown only to roles whose navigation has this section. */
  section: NavSection;
  order: number;
  element: ReactNode;
}

const features = new Map<NavSection, WorkspaceFeature>();
const homeWidgets = new Map<string, HomeWidget>();

export function registerHomeWidget(widget: HomeWidget): void {
  homeWidgets.set(widget.id, widget);
}

/** Home-page widgets the role may see, by their order. */
export function homeWidgetsFor(navigation: readonly string[]): HomeWidget[] {
  return [...homeWidgets.values()].filter((w) => navigation.includes(w.section)).sort((a, b) => a.order - b.order);
}
const publicPages = new Map<string, PublicPage>();

export function registerFeature(feature: WorkspaceFeature): void {
  if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(feature.path)) throw new Error(`Feature path "${feature.path}" must look like "requests"`);
  features.set(feature.section, feature); // a map, so hot reload replaces instead of duplicating
}

export function registerPublicPage(page: PublicPage): void {
  publicPages.set(page.path, page);
}

export function registeredFeatures(): WorkspaceFeature[] {
  return [...features.values()];
}

export function registeredPublicPages(): PublicPage[] {
  return [...publicPages.values()];
}

/** Features the role may open, in the order of its navigation list from /api/me. */
export function featuresFor(navigation: readonly string[]): WorkspaceFeature[] {
  return navigation.flatMap((section) => {
    const feature = features.get(section as NavSection);
    return feature ? [feature] : [];
  });
}
