/** Numbers as the panels write them: "2,447", and "1 recommendation" / "2,447 recommendations". */
export const nf = new Intl.NumberFormat('en-GB');

export const countOf = (n: number, noun: string): string => `${nf.format(n)} ${n === 1 ? noun : `${noun}s`}`;
