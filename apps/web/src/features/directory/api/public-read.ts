/**
 * The pages a visitor may open without signing in where the node shows its directory to anyone
 * (`publicDirectory`, a client node with the setting `directoryPublicRead`): search and tree, a unit, a person,
 * the whole directory for printing. Editing and importing still need a signed-in editor.
 */
const PUBLIC_DIRECTORY_PATH = /^\/directory(\/(units|people)\/[^/]+|\/print)?\/?$/;

export const isPublicDirectoryPath = (pathname: string) => PUBLIC_DIRECTORY_PATH.test(pathname);
