export { DependencyPicker } from "./DependencyPicker";
export type { DependencyPickerProps } from "./DependencyPicker.types";
