INSERT INTO departments (id, name) VALUES (1, 'R&D'), (2, 'Verkauf');
INSERT INTO employees (id, department_id, name) VALUES (1, 1, 'Grace'), (2, 2, 'Jörg'), (3, NULL, 'O''Neil');
INSERT INTO timesheets (id, employee_id, hours) VALUES (1, 1, 7.5), (2, 1, 8.0), (3, 2, 6.25), (4, 3, 0.5);
