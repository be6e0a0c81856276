module github.com/pyward/pyward

go 1.26.0
