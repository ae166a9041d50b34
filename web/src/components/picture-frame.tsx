import { Box } from '@mantine/core';
import type { CSSProperties, PointerEvent, ReactNode, RefObject } from 'react';

export type FractionRect = { x: number; y: number; width: number; height: number };
export type FramePoint = { x: number; y: number };

/** Where a rectangle given in fractions of the picture sits over it. */
export function rectPosition(rect: FractionRect): CSSProperties {
  const percent = (fraction: number) => `${fraction * 100}%`;
  return { left: percent(rect.x), top: percent(rect.y), width: percent(rect.width), height: percent(rect.height) };
}

/** The pointer's position as fractions of the frame (= of the picture: the frame wraps it exactly). */
export function pointIn(frame: RefObject<HTMLDivElement | null>, event: PointerEvent): FramePoint {
  const box = frame.current!.getBoundingClientRect();
  return { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height };
}

type Props = {
  frame: RefObject<HTMLDivElement | null>;
  src: string;
  alt: string;
  drawing: boolean;
  onPointerDown(event: PointerEvent<HTMLDivElement>): void;
  onPointerMove(event: PointerEvent<HTMLDivElement>): void;
  onPointerUp(event: PointerEvent<HTMLDivElement>): void;
  onPointerCancel(): void;
  /** Overlays, placed with rectPosition. */
  children: ReactNode;
};

/**
 * A picture to draw rectangles on (blur areas, people's frames). The frame wraps the picture
 * exactly (no letterbox), so a fraction of the frame is a fraction of the image.
 */
export function PictureFrame({ frame, src, alt, drawing, children, ...pointer }: Props) {
  return (
    <Box
      ref={frame}
      pos="relative"
      display="inline-block"
      style={{ touchAction: 'none', userSelect: 'none', cursor: drawing ? 'crosshair' : 'default', lineHeight: 0 }}
      {...pointer}
    >
      <img
        src={src}
        alt={alt}
        draggable={false}
        style={{ display: 'block', maxWidth: '100%', maxHeight: '60vh', width: 'auto', height: 'auto' }}
      />
      {children}
    </Box>
  );
}
