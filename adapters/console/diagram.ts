import { diagramPngPath, type ReplyDiagram } from '../../src/index.ts';

/**
 * A terminal cannot show the picture: print its ASCII drawing, indented like code, and the path of
 * the rendered PNG so the user can open it (rendered now if the build has not already).
 */
export function consoleDiagram(d: ReplyDiagram): string[] {
  let where: string;
  try {
    where = `Picture: ${diagramPngPath(d)}`;
  } catch (err) {
    where = `(The picture is not available: ${(err as Error).message}.)`;
  }
  return ['Diagram:', ...d.text.split('\n').map((l) => `    ${l}`.trimEnd()), '', where];
}
