/* a block comment; with a semicolon */
CREATE TABLE a ( -- @renamed from=b
  x INT, /* inline */ y INT -- trailing
);
;;
-- @renamed from=a
