// The stories: groups of articles about one event, the most recently added to first.
import pluralize from 'pluralize';
import type { StorySummary } from '../types';

export function StoriesPage({ stories }: { stories: StorySummary[] }) {
  return (
    <>
      <h1>Stories</h1>
      <p class="muted">
        Articles that share a fact (a figure linked as agreeing or disagreeing) and name a common entity form
        a story.
      </p>
      {stories.length === 0 ? (
        <p>No story yet: a story forms when two articles share a fact.</p>
      ) : (
        <ul class="story-list">
          {stories.map((s) => (
            <li class="card">
              <a href={`/stories/${s.id}`}>
                <strong>{s.title}</strong>
              </a>
              <br />
              <span class="muted">
                {s.articles} {pluralize('article', s.articles)} · {s.outlets.join(', ')}
                {s.latest ? ` · latest ${s.latest}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
