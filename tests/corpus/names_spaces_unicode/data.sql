INSERT INTO "line items" ("id", "unit price", "prénom", "数量") VALUES
  (1, 9.99, 'Zoë', 2), (2, 0.01, NULL, 1), (3, 1234.5, 'D''Artagnan', 3), (4, 5, '"Bob"', 10);
