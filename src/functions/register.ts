/**
 * Entry point of the functions bundle. Importing functions.ts is enough:
 * custom-functions-metadata-plugin appends the CustomFunctions.associate
 * calls to that module at build time.
 */
import "./functions";
