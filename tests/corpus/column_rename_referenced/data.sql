INSERT INTO countries (code, name) VALUES ('DE', 'Deutschland'), ('JP', '日本'), ('CI', 'Côte d''Ivoire');
INSERT INTO cities (id, country, name) VALUES
  (1, 'DE', 'Köln'), (2, 'DE', 'München'), (3, 'JP', '東京'), (4, 'CI', 'Yamoussoukro');
