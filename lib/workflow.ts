/**
 * The revision workflow: its states, the only transitions between them and who may make each,
 * and the approval quorum. Pure (no framework or database code), so a server action can check a
 * transition inside its write transaction and unit tests need no server.
 */
export * from "./workflow/states";
export * from "./workflow/transitions";
export * from "./workflow/check";
export * from "./workflow/quorum";
export * from "./workflow/edit";
export * from "./workflow/stepper";
export * from "./workflow/review-due";
export * from "./workflow/actors";
