import { VisuallyHidden } from '@mantine/core';
import { useCallback, useState } from 'react';

/**
 * A polite status message for screen readers. The same words twice in a row would not be read
 * again, so every second message carries an invisible zero-width space.
 */
export function useLiveRegion(): [string, (message: string) => void] {
  const [state, setState] = useState({ message: '', count: 0 });
  const announce = useCallback(
    (message: string) =>
      setState((previous) => ({
        message: `${message}${previous.count % 2 ? '\u200b' : ''}`,
        count: previous.count + 1,
      })),
    [],
  );
  return [state.message, announce];
}

export function LiveRegion({ message }: { message: string }) {
  return (
    <VisuallyHidden role="status" aria-live="polite">
      {message}
    </VisuallyHidden>
  );
}
