INSERT INTO accounts (id, plan, credits, ratio) VALUES (1, 'pro', 100, NULL), (2, 'free', 10, 0.5), (3, 'entreprise ''big''', 0, 2.0);
INSERT INTO accounts (id) VALUES (4);
