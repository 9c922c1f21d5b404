import { createRoot } from 'react-dom/client';
import { ReaderApp } from '@/components/reader/reader-app';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(<ReaderApp readerUrl={location.href} />);
