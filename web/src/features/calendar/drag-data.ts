import type { DragEvent } from 'react';

// Our own type, so a dragged link or file from elsewhere never looks like a post to move.
const DRAG_TYPE = 'application/x-nahbar-post';

export type DraggedPost = { postId: string; at: string };

export function writeDraggedPost(event: DragEvent, post: DraggedPost): void {
  event.dataTransfer.setData(DRAG_TYPE, JSON.stringify(post));
  event.dataTransfer.effectAllowed = 'move';
}

/** During dragover only the types are readable, not the data. */
export function carriesPost(event: DragEvent): boolean {
  return event.dataTransfer.types.includes(DRAG_TYPE);
}

export function readDraggedPost(event: DragEvent): DraggedPost | null {
  try {
    const value = JSON.parse(event.dataTransfer.getData(DRAG_TYPE)) as Partial<DraggedPost>;
    return typeof value.postId === 'string' && typeof value.at === 'string'
      ? { postId: value.postId, at: value.at }
      : null;
  } catch {
    return null;
  }
}
