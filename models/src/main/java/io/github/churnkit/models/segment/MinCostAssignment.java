package io.github.churnkit.models.segment;

import java.util.Arrays;

/**
 * Minimum-cost assignment (the Hungarian method of Kuhn 1955 and Munkres 1957, in its
 * shortest-augmenting-path form with row and column potentials, O(n^2 m) for n <= m): match each
 * row of a cost matrix to a distinct column so that the total cost is minimal. For more rows than
 * columns the transpose is solved and the surplus rows stay unmatched.
 */
final class MinCostAssignment {

    private MinCostAssignment() { }

    /**
     * The column matched to each row, or -1 for a row left unmatched (only when there are more rows
     * than columns).
     *
     * @throws IllegalArgumentException on a ragged matrix or a cost that is not finite
     */
    static int[] solve(double[][] cost) {
        int n = cost.length;
        if (n == 0) {
            return new int[0];
        }
        int m = cost[0].length;
        for (int i = 0; i < n; i++) {
            if (cost[i].length != m) {
                throw new IllegalArgumentException("cost row " + i + " has " + cost[i].length + " columns, row 0 has " + m);
            }
            for (int j = 0; j < m; j++) {
                if (!Double.isFinite(cost[i][j])) {
                    throw new IllegalArgumentException("cost[" + i + "][" + j + "] is " + cost[i][j]);
                }
            }
        }
        if (m == 0) {
            int[] none = new int[n];
            Arrays.fill(none, -1);
            return none;
        }
        if (n <= m) {
            return solveWide(cost, n, m);
        }
        double[][] t = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[j][i] = cost[i][j];
            }
        }
        int[] colOfRowT = solveWide(t, m, n);
        int[] out = new int[n];
        Arrays.fill(out, -1);
        for (int j = 0; j < m; j++) {
            out[colOfRowT[j]] = j;
        }
        return out;
    }

    /** n <= m: every row gets a column. Arrays are 1-based; index 0 is the virtual start column. */
    private static int[] solveWide(double[][] a, int n, int m) {
        double[] rowPotential = new double[n + 1];
        double[] colPotential = new double[m + 1];
        int[] rowOfCol = new int[m + 1];
        int[] previousCol = new int[m + 1];
        double[] slack = new double[m + 1];
        boolean[] visited = new boolean[m + 1];
        for (int row = 1; row <= n; row++) {
            rowOfCol[0] = row;
            int col = 0;
            Arrays.fill(slack, Double.POSITIVE_INFINITY);
            Arrays.fill(visited, false);
            do {
                visited[col] = true;
                int r = rowOfCol[col];
                double delta = Double.POSITIVE_INFINITY;
                int next = -1;
                for (int j = 1; j <= m; j++) {
                    if (visited[j]) {
                        continue;
                    }
                    double reduced = a[r - 1][j - 1] - rowPotential[r] - colPotential[j];
                    if (reduced < slack[j]) {
                        slack[j] = reduced;
                        previousCol[j] = col;
                    }
                    if (slack[j] < delta) {
                        delta = slack[j];
                        next = j;
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (visited[j]) {
                        rowPotential[rowOfCol[j]] += delta;
                        colPotential[j] -= delta;
                    } else {
                        slack[j] -= delta;
                    }
                }
                col = next;
            } while (rowOfCol[col] != 0);
            do {
                int prev = previousCol[col];
                rowOfCol[col] = rowOfCol[prev];
                col = prev;
            } while (col != 0);
        }
        int[] out = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfCol[j] != 0) {
                out[rowOfCol[j] - 1] = j - 1;
            }
        }
        return out;
    }
}
