-- The synchronous demo solve (POST /api/demo/solve, GET /api/demo/runs) is gone: a first start loads a demo week into
-- the books and /api/rosters solves it. Its record of runs goes with it.
DROP TABLE IF EXISTS demo_solve_run;
