/** "99+" beyond two digits, so the badge stays small on a phone. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(Math.max(0, Math.trunc(count)));
}
