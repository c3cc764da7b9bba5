WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO measurements (id, sensor, value, raw, note)
SELECT i,
       'sensor-' || (i % 17) || CASE WHEN i % 5 = 0 THEN ' ''ü''' ELSE '' END,
       CASE WHEN i % 7 = 0 THEN NULL ELSE i * 0.25 END,
       CASE WHEN i % 3 = 0 THEN decode(lpad(to_hex(i), 16, '0'), 'hex') ELSE NULL END,
       CASE WHEN i % 11 = 0 THEN NULL ELSE 'note "' || i || '" 日本' END
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
INSERT INTO annotations (id, measurement_id, label)
SELECT i, (i % 2000) + 1, CASE WHEN i % 4 = 0 THEN NULL ELSE 'label ' || i END FROM n;
