module github.com/stmcginnis/gofish

go 1.21
