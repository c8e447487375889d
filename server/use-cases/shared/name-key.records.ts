/** Comparison key for a person's name: no spaces, one kind of middle dot (少数民族姓名). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/[•・‧∙]/g, '·');
}
