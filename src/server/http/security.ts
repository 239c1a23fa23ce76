/**
 * The Content-Security-Policy of every page Opora serves: scripts and styles from Opora itself only
 * (Mantine needs inline styles), images also as data: URLs. Who may frame a page is the caller's
 * choice: the workspace only itself, the public form any site (a school embeds it).
 */
export function contentSecurityPolicy(frameAncestors: string[]) {
  return {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      frameAncestors,
    },
  };
}
