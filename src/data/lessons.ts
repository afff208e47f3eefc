import { getCollection } from 'astro:content';

/** The lessons in course order. */
export async function loadLessons() {
  return (await getCollection('lessons')).sort((a, b) => a.data.order - b.data.order);
}
