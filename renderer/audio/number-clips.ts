/** Clip names (without extension) that read the whole number `n` in Ukrainian; digits past 999. */
export function numberToClips(n: number): string[] {
  if (!Number.isInteger(n) || n < 0) return [];
  if (n === 0) return ['num-0'];
  if (n > 999) return String(n).split('').map((digit) => `num-${digit}`);
  const clips: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) clips.push(`num-${hundreds * 100}`);
  if (rest >= 1 && rest <= 19) clips.push(`num-${rest}`);
  else if (rest >= 20) {
    clips.push(`num-${Math.floor(rest / 10) * 10}`);
    if (rest % 10 > 0) clips.push(`num-${rest % 10}`);
  }
  return clips;
}
