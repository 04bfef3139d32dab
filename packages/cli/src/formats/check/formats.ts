/** The formats of `winready check --format`. */
export const CHECK_FORMATS = ['json', 'table', 'sarif', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
