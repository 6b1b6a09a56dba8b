package dev.opensessions.adapters.tmux.git;

/** The size of an uncommitted diff, summed from {@code --numstat} lines. */
record DiffTotals(int files, int insertions, int deletions) {

    /**
     * Sums numstat output ({@code added<TAB>deleted<TAB>path} per file). A binary file prints {@code -}
     * for both counts: it counts as a changed file and adds no lines.
     */
    static DiffTotals parse(String numstat) {
        int files = 0;
        int insertions = 0;
        int deletions = 0;
        for (String line : numstat.split("\n")) {
            String[] fields = line.split("\t", 3);
            if (fields.length < 3) {
                continue;
            }
            files++;
            insertions += count(fields[0]);
            deletions += count(fields[1]);
        }
        return new DiffTotals(files, insertions, deletions);
    }

    private static int count(String field) {
        return field.equals("-") ? 0 : Integer.parseInt(field);
    }
}
