// The numbers behind a chart, as a table a screen reader can walk and anyone can open.
import { t } from "../../../i18n";

export function Numbers({ chart, head, rows }: { chart: string; head: string[]; rows: string[][] }) {
  return (
    <details class="dashboard-numbers">
      <summary>{t("dashboard.table.show", { chart })}</summary>
      <div class="dashboard-scroll">
        <table>
          <caption>{chart}</caption>
          <thead>
            <tr>
              {head.map((cell) => (
                <th scope="col">{cell}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([first, ...rest]) => (
              <tr>
                <th scope="row">{first}</th>
                {rest.map((cell) => (
                  <td>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
