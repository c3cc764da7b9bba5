CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE employees (
  id INTEGER PRIMARY KEY,
  department_id INTEGER REFERENCES departments (id) ON DELETE SET NULL,
  name TEXT NOT NULL
);

CREATE TABLE timesheets (
  id INTEGER PRIMARY KEY,
  employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
  hours REAL NOT NULL
);
