// "1 step", "2 steps", "0 steps": a count with its noun.
export const plural = (n: number, noun: string, text: string = String(n)): string => `${text} ${noun}${n === 1 ? '' : 's'}`;
