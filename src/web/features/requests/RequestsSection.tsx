import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/StatusPages.tsx';
import { QueuePage } from './QueuePage.tsx';
import { RequestPage } from './RequestPage.tsx';

/** The desk's pages under /requests: the queue and one request. */
export default function RequestsSection() {
  return (
    <Routes>
      <Route index element={<QueuePage />} />
      <Route path=":id" element={<RequestPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
