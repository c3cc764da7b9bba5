INSERT INTO "order" ("id", "from", "select", "group") VALUES (1, 'FROM', 1, 'GROUP BY'), (2, 'to', NULL, NULL), (3, 'x''y', 3, '"z"');
INSERT INTO "group" ("id", "order_id", "where") VALUES (1, 1, 'here'), (2, 1, 'there'), (3, 3, NULL), (4, NULL, 'nowhere');
