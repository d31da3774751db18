/** The column heads of a fact's table, one row per figure: the fact page's and the compare page's. */
export const FactTableHead = () => (
  <thead>
    <tr>
      <th scope="col">#</th>
      <th scope="col">Source</th>
      <th scope="col">Figure</th>
      <th scope="col">Sentence</th>
    </tr>
  </thead>
);
