/** Fixed row height of the virtual list, in px: fixed so 10,000 rows need no measuring. */
export const ROW_HEIGHT = 64;

/** Width of the favourite-star column, left of the row's main button. */
export const STAR_COLUMN = "w-9 shrink-0";

/** Columns right of the star, shared by the header, the rows and the skeleton so they line up. */
export const ROW_COLUMNS =
  "grid grid-cols-[minmax(0,1fr)_4.5rem] sm:grid-cols-[minmax(0,1fr)_4.5rem_10rem] md:grid-cols-[minmax(0,1fr)_4.5rem_10rem_4.5rem]";
