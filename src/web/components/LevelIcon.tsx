import type { Level } from '../../core/instruments/index.ts';

/** Fill colours; each shape also has its own symbol, so the colour is never the only cue. */
export const levelColor: Record<Level, string> = {
  green: 'var(--mantine-color-teal-8)',
  yellow: 'var(--mantine-color-yellow-5)',
  red: 'var(--mantine-color-red-8)',
};

/**
 * A traffic-light symbol that also reads without colour: a circle with a
 * tick (fine), a triangle with "!" (at risk), an octagon with "✕" (problem).
 * Decorative: the words next to it carry the meaning.
 */
export function LevelIcon({ level, size = 28 }: { level: Level; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      style={{ flex: 'none' }}
    >
      {level === 'green' && (
        <>
          <circle cx="12" cy="12" r="11" fill={levelColor.green} />
          <path
            d="M6.5 12.5l3.5 3.5 7.5-8"
            fill="none"
            stroke="#fff"
            strokeWidth="2.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </>
      )}
      {level === 'yellow' && (
        <>
          <path
            d="M12 1.8L23 21.5H1z"
            fill={levelColor.yellow}
            stroke="var(--mantine-color-dark-7)"
            strokeWidth="1.4"
            strokeLinejoin="round"
          />
          <path
            d="M12 8.5v6.5"
            stroke="var(--mantine-color-dark-9)"
            strokeWidth="2.6"
            strokeLinecap="round"
          />
          <circle cx="12" cy="18.3" r="1.5" fill="var(--mantine-color-dark-9)" />
        </>
      )}
      {level === 'red' && (
        <>
          <path d="M7.4 1h9.2L23 7.4v9.2L16.6 23H7.4L1 16.6V7.4z" fill={levelColor.red} />
          <path d="M8 8l8 8M16 8l-8 8" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
