import { Modal, type ModalProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/** A dialog that takes the whole screen on phones, where a floating box would be cramped. */
export function ResponsiveModal(props: ModalProps) {
  const phone = useMediaQuery('(max-width: 36em)');
  return <Modal size="lg" fullScreen={phone} {...props} />;
}
