// The guides shipped with the app that the dialog can open by name (never by path): each is a file of
// the project's docs/, copied into the app's resources by electron-builder (electron-builder.yml).
export const GUIDES = ['oauth-app-registration'] as const;
export type Guide = (typeof GUIDES)[number];

/** Guide → its file under docs/. */
export const GUIDE_FILES: Record<Guide, string> = {
  'oauth-app-registration': 'oauth.md',
};
