export * from "./steps"
export * from "./workflows"
export { MAX_GRID_VIEWS_PER_USER, compareGridViews } from "./utils/grid-views"
