/** An `$ilike` pattern matching values that contain `text`: % and _ in it are literal (PostgreSQL's default escape, backslash). */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
