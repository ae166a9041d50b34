import { Box, Text } from '@mantine/core';
import { type PointerEvent, useRef, useState } from 'react';
import { PictureFrame, pointIn, rectPosition } from '../../components/picture-frame.tsx';
import { type BlurRect, isUsable, moveRect, type Point, rectFromPoints } from './blur-rects.ts';

type Props = {
  src: string;
  alt: string;
  rects: BlurRect[];
  selected: number | null;
  canAdd: boolean;
  onAdd: (rect: BlurRect) => void;
  onChange: (index: number, rect: BlurRect) => void;
  onSelect: (index: number) => void;
};

type Gesture = { mode: 'draw'; start: Point } | { mode: 'move'; index: number; start: Point; origin: BlurRect };

/**
 * The image with the areas over it. Dragging on free space draws a new area, dragging an area moves
 * it. The browser's own blur previews the effect; the server's blur (with pixelation) is what counts.
 */
export function BlurCanvas({ src, alt, rects, selected, canAdd, onAdd, onChange, onSelect }: Props) {
  const frame = useRef<HTMLDivElement>(null);
  const [gesture, setGesture] = useState<Gesture | null>(null);
  const [draft, setDraft] = useState<BlurRect | null>(null);

  const pointAt = (event: PointerEvent): Point => pointIn(frame, event);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const start = pointAt(event);
    const hit = (event.target as HTMLElement).closest<HTMLElement>('[data-rect]');
    if (hit) {
      const index = Number(hit.dataset.rect);
      onSelect(index);
      setGesture({ mode: 'move', index, start, origin: rects[index]! });
    } else if (canAdd) {
      setGesture({ mode: 'draw', start });
    } else return;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.preventDefault();
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!gesture) return;
    const point = pointAt(event);
    if (gesture.mode === 'draw') setDraft(rectFromPoints(gesture.start, point));
    else onChange(gesture.index, moveRect(gesture.origin, point.x - gesture.start.x, point.y - gesture.start.y));
  };

  const finish = (event: PointerEvent<HTMLDivElement>) => {
    if (gesture?.mode === 'draw') {
      const rect = rectFromPoints(gesture.start, pointAt(event));
      if (isUsable(rect)) onAdd(rect);
    }
    setGesture(null);
    setDraft(null);
  };

  return (
    <PictureFrame
      frame={frame}
      src={src}
      alt={alt}
      drawing={canAdd}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={finish}
      onPointerCancel={() => {
        setGesture(null);
        setDraft(null);
      }}
    >
      {rects.map((rect, index) => (
        <Box
          // biome-ignore lint/suspicious/noArrayIndexKey: areas have no identity beyond their number in the list
          key={index}
          data-rect={index}
          pos="absolute"
          aria-hidden
          style={{
            ...rectPosition(rect),
            backdropFilter: 'blur(10px)',
            background: 'rgba(0, 0, 0, 0.15)',
            outline: `2px solid ${index === selected ? 'var(--mantine-color-yellow-5)' : 'white'}`,
            boxShadow: '0 0 0 1px rgba(0, 0, 0, 0.6)',
            cursor: 'move',
          }}
        >
          <Text
            component="span"
            size="xs"
            fw={700}
            c="white"
            bg="dark"
            px={4}
            style={{ lineHeight: 1.4, position: 'absolute' }}
          >
            {index + 1}
          </Text>
        </Box>
      ))}
      {draft && (
        <Box
          pos="absolute"
          aria-hidden
          style={{
            ...rectPosition(draft),
            outline: '2px dashed var(--mantine-color-yellow-5)',
          }}
        />
      )}
    </PictureFrame>
  );
}
