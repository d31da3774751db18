// The "Add article" page around the form partial.
import { ArticleForm, type ArticleFormProps } from '../partials/article-form';

export function ArticleNewPage(props: ArticleFormProps) {
  return (
    <>
      <h1>Add an article</h1>
      <p class="lede">
        Give an article's URL, or paste it as text or HTML. Its claims are extracted and cross-checked against
        everything stored; you land on the article with its new conflicts listed. Many at once:{' '}
        <a href="/imports">bulk import</a> a list of URLs or a manifest, and follow its progress.
      </p>
      <ArticleForm {...props} />
    </>
  );
}
