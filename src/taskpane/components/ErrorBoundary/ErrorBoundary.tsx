import { Component, type ErrorInfo, type ReactNode } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface ErrorBoundaryProps {
  /** Title and plain-words text shown instead of the broken part (never the stack). */
  title: string;
  message: string;
  children: ReactNode;
}

/** Catches a render error so the pane shows a plain message instead of a blank page or a stack trace. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // For developers only (F12); the user sees the plain message.
    console.error("OpsKit pane error", error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{this.props.title}</MessageBarTitle>
          {this.props.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
}
